// electron-builder configuration (`npm run dist:win`, `npm run dist:linux`; see README.md).
// Validated without building by tests/unit/electron-packaging.test.ts (electron-builder's own
// schema check, targets, file association, icons).

const description = '预算绩效自评表的离线编辑器：填写、计算、审核和导出 Excel';

/** @type {import('electron-builder').Configuration} */
export default {
  appId: 'cn.ziping.editor',
  productName: '自评表编辑器',
  copyright: 'Copyright © 2026 Ziping',
  directories: { output: 'out/packages', buildResources: 'build' },
  // Only what runs: the bundled main process, its loader and preload (scripts/build-electron.ts), the
  // built renderer, and the runtime dependencies electron-builder adds from node_modules.
  files: [
    'dist-electron/**/*',
    '!dist-electron/**/*.map',
    'dist/renderer/**/*',
    '!dist/renderer/**/*.map',
    'package.json',
  ],
  // The entry runs main.cjs through V8's code cache (electron/main/loader.ts).
  extraMetadata: { main: 'dist-electron/loader.cjs' },
  asar: true,
  // better-sqlite3 is native: electron-builder rebuilds it for Electron's ABI here (never at
  // npm install), and the .node file must stay outside the asar archive to be loaded.
  npmRebuild: true,
  buildDependenciesFromSource: false,
  asarUnpack: ['node_modules/better-sqlite3/**'],
  electronLanguages: ['zh-CN', 'en-US'],
  fileAssociations: [
    {
      ext: 'ziping',
      name: 'ZipingDocument',
      description: '自评表文档',
      mimeType: 'application/x-ziping',
      icon: 'ziping-file',
      role: 'Editor',
    },
  ],
  win: {
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ],
    icon: 'build/icon.ico',
    executableName: 'Ziping',
    requestedExecutionLevel: 'asInvoker',
  },
  nsis: {
    // An assisted installer that asks "只为我安装" (per-user, no admin) or "为所有用户安装".
    oneClick: false,
    perMachine: false,
    allowElevation: true,
    allowToChangeInstallationDirectory: true,
    installerLanguages: ['zh_CN'],
    language: '2052',
    multiLanguageInstaller: false,
    unicode: true,
    installerIcon: 'icon.ico',
    uninstallerIcon: 'icon.ico',
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: '自评表编辑器',
    uninstallDisplayName: '自评表编辑器',
    // Users' documents and working copies are theirs: never removed by an uninstall.
    deleteAppDataOnUninstall: false,
    artifactName: 'Ziping-Setup-${version}-${arch}.${ext}',
  },
  portable: {
    unicode: true,
    artifactName: 'Ziping-${version}-portable-${arch}.${ext}',
  },
  linux: {
    target: [
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ],
    icon: 'build/icons',
    executableName: 'ziping',
    category: 'Office',
    synopsis: '预算绩效自评表编辑器',
    description,
    maintainer: 'Ziping <ziping@ziping.cn>',
    vendor: 'Ziping',
    mimeTypes: ['application/x-ziping'],
    desktop: {
      entry: {
        Name: '自评表编辑器',
        'Name[zh_CN]': '自评表编辑器',
        GenericName: '预算绩效自评表编辑器',
        Comment: description,
        Keywords: '自评表;绩效;预算;ziping;',
      },
    },
  },
  deb: {
    priority: 'optional',
    artifactName: 'ziping_${version}_${arch}.${ext}',
  },
  appImage: {
    artifactName: 'Ziping-${version}-${arch}.${ext}',
  },
};
