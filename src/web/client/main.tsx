import { render } from 'preact';
import { App } from './app';
import './styles.css';
import { startOfflineSupport } from './offline/service-worker';

const root = document.getElementById('root');
if (root) render(<App />, root);
startOfflineSupport();
