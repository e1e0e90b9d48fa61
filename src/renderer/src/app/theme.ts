import { createTheme, Drawer, mergeThemeOverrides, Modal, NavLink, Notification, type CSSVariablesResolver, type MantineThemeOverride } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  // Shade 9 keeps white button text above WCAG AA contrast (teal 6 does not).
  primaryShade: 9,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    // The active navigation entry: dark text on the palest tint, for contrast.
    NavLink: NavLink.extend({
      vars: () => ({
        root: { '--nl-bg': 'var(--mantine-color-teal-0)', '--nl-hover': 'var(--mantine-color-teal-0)', '--nl-color': 'var(--mantine-color-teal-9)' },
        children: {},
      }),
    }),
  },
});

const LIGHT_COLORS = ['teal', 'blue', 'indigo', 'grape', 'orange', 'red', 'gray', 'yellow', 'green', 'cyan', 'violet', 'pink'];

/** Mantine's default "dimmed" grey is below WCAG AA contrast on light backgrounds; ours is not. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    // Text of "light" badges, nav links and buttons: shade 9 on the pale tint passes AA.
    ...Object.fromEntries(
      LIGHT_COLORS.flatMap((c) => [
        [`--mantine-color-${c}-light-color`, `var(--mantine-color-${c}-9)`],
        [`--mantine-color-${c}-light`, `var(--mantine-color-${c}-0)`],
        [`--mantine-color-${c}-light-hover`, `var(--mantine-color-${c}-0)`],
      ]),
    ),
    '--mantine-primary-color-light': 'var(--mantine-color-teal-0)',
    '--mantine-primary-color-light-hover': 'var(--mantine-color-teal-0)',
    '--mantine-primary-color-light-color': 'var(--mantine-color-teal-9)',
  },
  dark: {},
});

/** Close buttons have no text, so screen readers need their name, in the user's language. */
export function localisedTheme(closeLabel: string): MantineThemeOverride {
  const closeButtonProps = { 'aria-label': closeLabel };
  return mergeThemeOverrides(theme, {
    components: {
      Notification: Notification.extend({ defaultProps: { closeButtonProps } }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
    },
  });
}
