import allowedOrigin from './allowed-origin';
import validText from './valid-text';

export default { 'allowed-origin': allowedOrigin, 'valid-text': validText };
