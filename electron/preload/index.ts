/**
 * The preload of every window (sandboxed: it can require only 'electron'; bundled to one CJS file
 * by scripts/build-electron.ts). It exposes the contract as `window.ziping` and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('ziping', createBridge(ipcRenderer));
