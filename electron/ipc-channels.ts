/** The IPC channels between the preload and the main process (shared by both; nothing else). */
export const IPC_CHANNELS = {
  /** renderer → main: a call of the Handlers map. */
  invoke: 'ziping:invoke',
  /** renderer → main: a call of the ShellHandlers map. */
  shell: 'ziping:shell',
  /** main → renderer: a MenuCommand. */
  menu: 'ziping:menu',
} as const;
