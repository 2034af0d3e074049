import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import './styles/global.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element to mount the dashboard in.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
