"use client";

import { useId, useState } from "react";
import type { FieldErrors, Parsed } from "@/lib/calculators/input";

/**
 * Form state shared by the calculators: the typed strings, which fields the learner has
 * touched, and the parse result, recomputed on every keystroke (no submit button).
 * A field's error is shown only once it has been typed in or left, so an untouched form
 * starts quiet.
 */
export function useCalculatorForm<K extends string, T>(initial: Record<K, string>, parse: (values: Record<K, string>) => Parsed<T>) {
  const baseId = useId();
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<Partial<Record<K, true>>>({});

  const parsed = parse(values);
  const errors: FieldErrors = parsed.ok ? {} : parsed.errors;
  const visibleError = (name: K) => (touched[name] ? errors[name] : undefined);
  const touch = (name: K) => setTouched((t) => (t[name] ? t : { ...t, [name]: true }));
  const set = (name: K, value: string) => setValues((v) => ({ ...v, [name]: value }));

  /** Props for a NumberField (or the value and setter for a ChoiceField). */
  function field(name: K) {
    return {
      id: `${baseId}-${name}`,
      value: values[name],
      error: visibleError(name),
      onChange: (value: string) => {
        set(name, value);
        touch(name);
      },
      onBlur: () => touch(name),
    };
  }

  const hasVisibleErrors = (Object.keys(values) as K[]).some((name) => visibleError(name) !== undefined);
  return { parsed, field, hasVisibleErrors };
}
