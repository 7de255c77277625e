// Pure: the permit card's stylesheet, apart so the web client's Content-Security-Policy can allow
// exactly it (by hash) in the card the client opens as a blob: page, which inherits its policy.
export const PERMIT_CARD_STYLE = `
  @page { size: A6 portrait; margin: 6mm; }
  body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; }
  .card { width: 93mm; height: 136mm; box-sizing: border-box; border: 1.2mm solid #b71c1c;
          border-radius: 3mm; padding: 4mm; display: flex; flex-direction: column; align-items: center; }
  h1 { font-size: 6mm; margin: 0; } .assoc { font-size: 4mm; margin: 1mm 0 2mm; }
  .plate { font-size: 13mm; font-weight: 800; letter-spacing: 0.5mm; border: 0.8mm solid #000;
           border-radius: 2mm; padding: 0 3mm; margin: 1mm 0 2mm; }
  .qr svg { width: 62mm; height: 62mm; } .meta { font-size: 3.6mm; text-align: center; }
`;
