/**
 * The {@code jgym} command line on picocli: {@code train}, {@code envs}, {@code agents}, {@code
 * check}, {@code show}, {@code devices}, {@code replay}, and the help of the launcher's own
 * commands. One line and exit 2 for every mistake, a suggestion for a mistyped command or option.
 */
package dev.jgym.experiments.cli;
