import { t } from '../../i18n';
import { Problems } from './council-fields';
import { type FormSection, newArticleKey, num } from './editor-form';
import { RemoveButton } from './row-list';

/** The convention's articles: each a number and its text; a new one takes the next number. */
export function ArticlesEditor({ form, set, errors }: FormSection) {
  return (
    <section class="card council-section">
      <h3>{t('conventionCouncil.articles')}</h3>
      <Problems field="articles" errors={errors} />
      {form.articles.map((a, i) => (
        <div class="council-article" key={a.key} data-testid={`editor-article-${a.number}`}>
          <div class="council-article-head">
            <label>
              {t('conventionCouncil.articleNumber')}
              <input
                class="council-small"
                inputMode="numeric"
                value={a.number}
                onInput={(e) => {
                  const articles = [...form.articles];
                  articles[i] = { ...a, number: (e.target as HTMLInputElement).value };
                  set({ articles });
                }}
              />
            </label>
            <RemoveButton
              onClick={() => set({ articles: form.articles.filter((x) => x.key !== a.key) })}
            />
          </div>
          <textarea
            rows={3}
            value={a.text}
            aria-label={t('conventionCouncil.articleText', { number: a.number })}
            data-testid={`article-text-${a.number}`}
            onInput={(e) => {
              const articles = [...form.articles];
              articles[i] = { ...a, text: (e.target as HTMLTextAreaElement).value };
              set({ articles });
            }}
          />
        </div>
      ))}
      <button
        type="button"
        class="button button--secondary"
        onClick={() => {
          const last = Math.max(0, ...form.articles.map((a) => num(a.number) ?? 0));
          set({
            articles: [
              ...form.articles,
              { key: newArticleKey(), number: String(last + 1), text: '' },
            ],
          });
        }}
      >
        {t('conventionCouncil.addArticle')}
      </button>
    </section>
  );
}
