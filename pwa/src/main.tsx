import { render } from 'preact';
import { App } from './app';
import { applyTextSize } from './lib/text-size';
import { registerServiceWorker } from './lib/sw-register';
import './styles.css';
import './phone.css';

applyTextSize();
render(<App />, document.getElementById('app')!);
registerServiceWorker();
