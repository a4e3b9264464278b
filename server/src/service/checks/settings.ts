// The `workplan.*` settings the checks read, validated: a bad value falls back to the default.
import { DIAGNOSTIC_CODES, DiagnosticCode, Severity } from './codes';

export type SeveritySetting = Severity | 'off';
export type MarkerWidthSetting = 'auto' | 'full' | 'half';

export interface WorkplanSettings {
  /** `workplan.diagnostics.severity`: per code. */
  severity: Partial<Record<DiagnosticCode, SeveritySetting>>;
  /** `workplan.markerWidth`: bracket width markers should use; `auto` is the document's majority. */
  markerWidth: MarkerWidthSetting;
  /** `workplan.allowLevelSkip`: a section may go from `一、` straight to `1.`. */
  allowLevelSkip: boolean;
  /** `workplan.hygiene.enabled`: the `text.*` family. */
  hygieneEnabled: boolean;
  /** `workplan.renumberOnSave`. */
  renumberOnSave: boolean;
}

export const DEFAULT_SETTINGS: WorkplanSettings = {
  severity: {},
  markerWidth: 'auto',
  allowLevelSkip: false,
  hygieneEnabled: true,
  renumberOnSave: false,
};

const SEVERITIES = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);
const CODES = new Set<string>(DIAGNOSTIC_CODES);

/** `v` as an object with keys, or undefined for anything else (null, a list, a string). */
export function record(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/**
 * Reads the `workplan` section as a client sends it: nested (`{ diagnostics: { severity } }`, what
 * `workspace/configuration` returns) or with dotted keys (`{ "diagnostics.severity": … }`).
 */
export function readSettings(section: unknown): WorkplanSettings {
  const s = record(section) ?? {};
  const get = (path: string): unknown => {
    if (path in s) return s[path];
    let v: unknown = s;
    for (const key of path.split('.')) v = record(v)?.[key];
    return v;
  };
  const severity: WorkplanSettings['severity'] = {};
  for (const [code, level] of Object.entries(record(get('diagnostics.severity')) ?? {})) {
    if (CODES.has(code) && typeof level === 'string' && SEVERITIES.has(level)) severity[code as DiagnosticCode] = level as SeveritySetting;
  }
  const width = get('markerWidth');
  const bool = (path: string, fallback: boolean) => {
    const v = get(path);
    return typeof v === 'boolean' ? v : fallback;
  };
  return {
    severity,
    markerWidth: width === 'full' || width === 'half' || width === 'auto' ? width : DEFAULT_SETTINGS.markerWidth,
    allowLevelSkip: bool('allowLevelSkip', DEFAULT_SETTINGS.allowLevelSkip),
    hygieneEnabled: bool('hygiene.enabled', DEFAULT_SETTINGS.hygieneEnabled),
    renumberOnSave: bool('renumberOnSave', DEFAULT_SETTINGS.renumberOnSave),
  };
}
