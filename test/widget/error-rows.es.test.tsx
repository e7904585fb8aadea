import { describeErrorRows } from './error-rows';

describeErrorRows('es');
