import type { ReactNode, SVGProps } from "react";

/** The reorder controls' icons (24px grid, currentColor); decorative: their buttons carry the names. */
type IconProps = SVGProps<SVGSVGElement>;

const svg = (children: ReactNode) =>
  function Icon({ className = "size-4", ...rest }: IconProps) {
    return (
      <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" className={className} {...rest}>
        {children}
      </svg>
    );
  };

export const GripIcon = svg(
  <>
    <circle cx="9" cy="6" r="1" />
    <circle cx="15" cy="6" r="1" />
    <circle cx="9" cy="12" r="1" />
    <circle cx="15" cy="12" r="1" />
    <circle cx="9" cy="18" r="1" />
    <circle cx="15" cy="18" r="1" />
  </>,
);
export const ArrowUpIcon = svg(<path d="M12 19V5M6 11l6-6 6 6" />);
export const ArrowDownIcon = svg(<path d="M12 5v14M6 13l6 6 6-6" />);
export const TrashIcon = svg(<path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13" />);
