/** The course pages' switch between the light and the dark design, at the end of the page header. */
import { themeSwitch } from '../browser/theme';

document.querySelector('.vs-site-header .vs-wrap, .quiz-header nav')?.append(themeSwitch());
