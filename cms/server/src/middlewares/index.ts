import allowedOrigin from './allowed-origin';

export default { 'allowed-origin': allowedOrigin };
