import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app/app.tsx';
import './styles/global.css';

// The CSP forbids eval; without this zod probes Function('') once and Chromium reports a violation.
z.config({ jitless: true });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element to mount the dashboard in.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
