import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
// The shared styles first, so each feature's own styles come after them and may refine them.
import './styles/global.css';
import { App } from './app/app.tsx';

// The CSP forbids eval; without this zod probes Function('') once and Chromium reports a violation.
z.config({ jitless: true });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element to mount the dashboard in.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
