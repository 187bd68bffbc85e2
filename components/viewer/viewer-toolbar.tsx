'use client';
// The viewer's controls: the left-button tool, window presets, reset, layout and
// sync, and the key-image mark. Plain buttons with labels and aria-pressed; the
// session does the work.
import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import type { PrimaryTool } from './viewer-service';
import { windowPresets, type WindowLevel } from './voi';

const viewTools: { tool: PrimaryTool; label: string; hint: string }[] = [
  { tool: 'WindowLevel', label: 'W/L', hint: 'Window/level: drag with the left button' },
  { tool: 'Pan', label: 'Pan', hint: 'Pan: drag with the left button (middle button always pans)' },
  { tool: 'Zoom', label: 'Zoom', hint: 'Zoom: drag with the left button (right button always zooms)' },
];

const measureTools: { tool: PrimaryTool; label: string; hint: string }[] = [
  { tool: 'Length', label: 'Length', hint: 'Length in millimetres: drag from one end to the other' },
  { tool: 'Bidirectional', label: 'Bidirectional', hint: 'Long and short axis in millimetres' },
  { tool: 'EllipticalROI', label: 'Ellipse ROI', hint: 'Elliptical region: area, mean and SD' },
  { tool: 'RectangleROI', label: 'Rectangle ROI', hint: 'Rectangular region: area, mean and SD' },
];

function ToolButton({ pressed, onClick, children, title, disabled }: { pressed?: boolean; onClick: () => void; children: ReactNode; title?: string; disabled?: boolean }) {
  return (
    <button
      type="button"
      title={title}
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onClick}
      className={cn(
        'rounded border px-2 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:opacity-50',
        pressed ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100',
      )}
    >
      {children}
    </button>
  );
}

function Group({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label} className="flex flex-wrap items-center gap-1">
      {children}
    </div>
  );
}

export interface ViewerToolbarProps {
  tool: PrimaryTool;
  onTool: (tool: PrimaryTool) => void;
  canAnnotate: boolean;
  onPreset: (window: WindowLevel) => void;
  onReset: () => void;
  sideBySide: boolean;
  onSideBySide: (on: boolean) => void;
  canCompare: boolean;
  syncEnabled: boolean;
  onSync: (on: boolean) => void;
  keyImage: { marked: boolean; disabled: boolean; busy: boolean } | null;
  onKeyImage: () => void;
}

export function ViewerToolbar(props: ViewerToolbarProps) {
  return (
    <div role="toolbar" aria-label="Image viewer" className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-md border border-slate-200 bg-slate-50 p-2">
      <Group label="Mouse tool">
        {viewTools.map((t) => (
          <ToolButton key={t.tool} pressed={props.tool === t.tool} title={t.hint} onClick={() => props.onTool(t.tool)}>
            {t.label}
          </ToolButton>
        ))}
      </Group>
      {props.canAnnotate ? (
        <Group label="Measure">
          {measureTools.map((t) => (
            <ToolButton key={t.tool} pressed={props.tool === t.tool} title={t.hint} onClick={() => props.onTool(t.tool)}>
              {t.label}
            </ToolButton>
          ))}
        </Group>
      ) : null}
      <Group label="Window presets">
        {windowPresets.map((preset) => (
          <ToolButton key={preset.id} title={`W ${preset.width} L ${preset.center}`} onClick={() => props.onPreset({ width: preset.width, center: preset.center })}>
            {preset.label}
          </ToolButton>
        ))}
        <ToolButton title="Zoom, pan and window as the image came" onClick={props.onReset}>
          Reset
        </ToolButton>
      </Group>
      <Group label="Layout">
        <ToolButton pressed={props.sideBySide} disabled={!props.canCompare} title="Show a second series beside the first" onClick={() => props.onSideBySide(!props.sideBySide)}>
          Side by side
        </ToolButton>
        {props.sideBySide ? (
          <ToolButton pressed={props.syncEnabled} title="Scroll both series together by slice position" onClick={() => props.onSync(!props.syncEnabled)}>
            Sync scrolling
          </ToolButton>
        ) : null}
      </Group>
      {props.keyImage ? (
        <Group label="Key images">
          <ToolButton pressed={props.keyImage.marked} disabled={props.keyImage.disabled || props.keyImage.busy} title="Mark the image shown in the active viewport for the board" onClick={props.onKeyImage}>
            Key image
          </ToolButton>
        </Group>
      ) : null}
    </div>
  );
}
