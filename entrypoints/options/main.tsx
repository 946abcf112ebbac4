import { render } from 'preact';
import { pageMessage, startPageLanguage } from '@/lib/page-language';
import { App } from './App';

// The page speaks the 界面语言 setting's language (lib/page-language.ts); a switch renders it again.
const root = document.getElementById('app')!;
const show = () => {
  document.title = pageMessage('optionsTitle');
  render(<App />, root);
};
void startPageLanguage(document, show).then(show);
