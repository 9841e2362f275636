import allowedOrigin from './allowed-origin';
import reader from './reader';
import validText from './valid-text';

export default { 'allowed-origin': allowedOrigin, 'valid-text': validText, reader };
