import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { connectStore } from './store';
import './styles.css';
// The UI kit's styles are global: eager views use its classes too, and lazy chunks must not be their only carrier.
import './components/kit.css';

connectStore();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
