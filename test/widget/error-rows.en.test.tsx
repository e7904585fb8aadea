import { describeErrorRows } from './error-rows';

describeErrorRows('en');
