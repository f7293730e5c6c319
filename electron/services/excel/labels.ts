/** The printed forms' fixed texts live in shared/layouts so that the PDF print view uses them too. */
export * from '../../../shared/layouts/print-labels';
export { splitCode, withCode } from '../../../shared/model/code-name';
