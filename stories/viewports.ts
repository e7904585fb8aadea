/** Viewports the stories are shown and tested at (Storybook's toolbar lists them too). */
export const PHONE_VIEWPORT = 'phone320';

export const VIEWPORTS = {
  [PHONE_VIEWPORT]: { name: 'Phone, 320 px', styles: { width: '320px', height: '640px' }, type: 'mobile' },
} as const;
