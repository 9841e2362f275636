import allowedOrigin from './allowed-origin';
import reader from './reader';
import databaseUnavailable from './database-unavailable';
import validText from './valid-text';

export default {
  'allowed-origin': allowedOrigin,
  'database-unavailable': databaseUnavailable,
  'valid-text': validText,
  reader,
};
