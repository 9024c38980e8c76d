"use client";

import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useState, type ReactNode } from "react";
import { REORDER_MESSAGES } from "./move-item";
import { ArrowDownIcon, ArrowUpIcon, GripIcon } from "./routing-icons";

type SortableListProps<T> = {
  /** The list's accessible name, e.g. "Follow-me destinations". */
  label: string;
  items: readonly T[];
  /** Stable per item across moves (not the index). */
  getId: (item: T) => string;
  /** How the item is called in announcements and button names: "Bob Baker (202)". */
  getName: (item: T) => string;
  onMove: (from: number, to: number) => void;
  renderItem: (item: T, index: number) => ReactNode;
};

/**
 * An ordered list people reorder three ways: dragging the handle (mouse, pen, touch), the
 * keyboard on the handle (space or enter lifts, arrows move, space or enter drops, escape
 * cancels) and the visible up/down buttons. Every move is announced by position, so a screen
 * reader user hears "Moved Bob Baker to position 2 of 3". The list holds no order of its own:
 * the parent applies `onMove` (moveItem) to its state.
 */
export function SortableList<T>({ label, items, getId, getName, onMove, renderItem }: SortableListProps<T>) {
  const [spoken, setSpoken] = useState("");
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    // A short press first, so a finger can still scroll the page past the list.
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = items.map(getId);
  const indexOf = (id: UniqueIdentifier) => ids.indexOf(String(id));
  const nameOf = (id: UniqueIdentifier) => {
    const item = items[indexOf(id)];
    return item === undefined ? "The item" : getName(item);
  };
  const count = items.length;

  const announcements: Announcements = {
    onDragStart: ({ active }) => REORDER_MESSAGES.pickedUp(nameOf(active.id), indexOf(active.id), count),
    onDragOver: ({ active, over }) => (over ? REORDER_MESSAGES.over(nameOf(active.id), indexOf(over.id), count) : undefined),
    onDragEnd: ({ active, over }) => {
      const to = over ? indexOf(over.id) : indexOf(active.id);
      return to === indexOf(active.id) ? REORDER_MESSAGES.unchanged(nameOf(active.id), to, count) : REORDER_MESSAGES.moved(nameOf(active.id), to, count);
    },
    onDragCancel: ({ active }) => REORDER_MESSAGES.cancelled(nameOf(active.id), indexOf(active.id), count),
  };

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    onMove(indexOf(active.id), indexOf(over.id));
  }

  function moveByButton(from: number, to: number) {
    onMove(from, to);
    setSpoken(REORDER_MESSAGES.moved(getName(items[from]!), to, count));
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: REORDER_MESSAGES.instructions } }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol aria-label={label} className="space-y-2">
          {items.map((item, index) => (
            <SortableRow key={ids[index]} id={ids[index]!} name={getName(item)} index={index} count={count} onMove={moveByButton}>
              {renderItem(item, index)}
            </SortableRow>
          ))}
        </ol>
      </SortableContext>
      <p aria-live="polite" className="sr-only">
        {spoken}
      </p>
    </DndContext>
  );
}

type RowProps = { id: string; name: string; index: number; count: number; onMove: (from: number, to: number) => void; children: ReactNode };

const ICON_BUTTON =
  "inline-grid size-9 place-items-center rounded-md text-gray-700 hover:bg-gray-100 hover:text-gray-900 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-40";

function SortableRow({ id, name, index, count, onMove, children }: RowProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      data-sortable-item={name}
      className={`flex items-start gap-2 rounded-lg border bg-white p-3 ${isDragging ? "relative z-10 border-indigo-400 shadow-lg" : "border-gray-200"}`}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        {...attributes}
        {...listeners}
        aria-label={`Reorder ${name}`}
        className={`${ICON_BUTTON} shrink-0 cursor-grab touch-none active:cursor-grabbing`}
      >
        <GripIcon className="size-5" />
      </button>
      <div className="min-w-0 flex-1">{children}</div>
      <div className="flex shrink-0 flex-col sm:flex-row">
        <button type="button" className={ICON_BUTTON} disabled={index === 0} onClick={() => onMove(index, index - 1)} aria-label={`Move ${name} up`}>
          <ArrowUpIcon />
        </button>
        <button type="button" className={ICON_BUTTON} disabled={index === count - 1} onClick={() => onMove(index, index + 1)} aria-label={`Move ${name} down`}>
          <ArrowDownIcon />
        </button>
      </div>
    </li>
  );
}
