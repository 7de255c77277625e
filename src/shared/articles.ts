// Pure: how a convention article is named in each language, for messages and screens.

/** "第五条" for 5, "第十二条" for 12: how the convention cites its own articles. */
export function articleLabel(number: number): string {
  const digits = '零一二三四五六七八九';
  if (number <= 10) return `第${number === 10 ? '十' : digits[number]}条`;
  if (number < 20) return `第十${digits[number - 10]}条`;
  const tens = Math.floor(number / 10);
  const ones = number % 10;
  return `第${digits[tens]}十${ones ? digits[ones] : ''}条`;
}

/** "article 5". */
export function articleLabelEn(number: number): string {
  return `article ${number}`;
}
