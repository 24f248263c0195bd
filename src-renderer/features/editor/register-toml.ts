/** Register the TOML language with Monaco once per page. */
import { monaco } from './monaco';
import { TOML_LANGUAGE_ID, tomlConfiguration, tomlMonarch } from './toml-language';

let registered = false;

export function registerToml(): void {
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: TOML_LANGUAGE_ID, extensions: ['.toml'], aliases: ['TOML'] });
  monaco.languages.setLanguageConfiguration(TOML_LANGUAGE_ID, tomlConfiguration);
  monaco.languages.setMonarchTokensProvider(TOML_LANGUAGE_ID, tomlMonarch);
}
