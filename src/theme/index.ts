export { APPEARANCE_PROPERTIES, appearanceStyle, type Appearance, type AppearanceStyle, type SchemeColor, type ThemeSetting } from './appearance';
export { isSafeCssValue } from './cssValue';
export { contrastRatio, readableTextOn } from './contrast';
export { PALETTES, type ColorScheme, type Palette, type PaletteColor } from './palette';
export { LATER_STYLESHEET_ID, laterStylesheet, STYLESHEET_ID, stylesheet } from './styles';
export { useColorScheme } from './useColorScheme';
