/** The new-project / existing-project wizard (public entry of the feature). */
export { ProjectWizard, type ProjectWizardProps } from './components/project-wizard';
