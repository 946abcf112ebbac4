import { render } from 'preact';
import { pageMessage, startPageLanguage } from '@/lib/page-language';
import { App } from './App';

// The panel speaks the 界面语言 setting's language (lib/page-language.ts); a switch renders it again
// (state such as the draft stays).
const root = document.getElementById('app')!;
const show = () => {
  document.title = pageMessage('extName');
  render(<App />, root);
};
void startPageLanguage(document, show).then(show);
