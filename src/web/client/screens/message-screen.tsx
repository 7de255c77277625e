import { t } from '../i18n';
import { Link } from '../router';
import { LangSwitch } from '../ui';

/** A full-screen notice with a way back home: unknown routes, routes of another role. */
export function MessageScreen(props: { title: string; testId: string }) {
  return (
    <div class="screen" data-testid={props.testId}>
      <div class="login-lang">
        <LangSwitch />
      </div>
      <div class="card message">
        <h1 class="card-title">{props.title}</h1>
        <Link to="/home" class="button button--primary">
          {t('notFound.home')}
        </Link>
      </div>
    </div>
  );
}

export function NotFoundScreen() {
  return <MessageScreen title={t('notFound.title')} testId="not-found" />;
}

export function ForbiddenScreen() {
  return <MessageScreen title={t('forbidden.title')} testId="forbidden" />;
}
