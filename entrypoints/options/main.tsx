import { render } from 'preact';
import { pageMessage, startPageLanguage } from '@/lib/page-language';
import { App } from './App';

// The page speaks the 界面语言 setting's language; a switch re-renders it whole (the key drops every state
// that holds a text).
const root = document.getElementById('app')!;
const show = (locale: string) => {
  document.title = pageMessage('optionsTitle');
  render(<App key={locale} />, root);
};
void startPageLanguage(document, show).then(show);
