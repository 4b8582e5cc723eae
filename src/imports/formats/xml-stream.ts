/**
 * Readers see an XML file as a stream of elements (see safe-xml.ts) and gather only the element a record is
 * made of — one Placemark, one OSM way — into a small tree, read like a DOM and then dropped. Memory stays
 * at one record, whatever the size of the file.
 */

/** Attributes by local name (`kml:id` reads as `id`); namespace declarations are left out. */
export type XmlAttributes = Readonly<Record<string, string>>;

/** An element with its attributes, child elements in file order, and its own text. */
export interface XmlElement {
  readonly name: string;
  readonly attrs: XmlAttributes;
  readonly children: readonly XmlElement[];
  /** Direct text and CDATA, concatenated in order: entities decoded in text, CDATA kept as written. */
  readonly text: string;
}

interface OpenElement {
  readonly name: string;
  readonly attrs: XmlAttributes;
  children: XmlElement[];
  text: string;
}

/** Leaves share one empty list: a record's tree is mostly leaves. */
const NO_CHILDREN: XmlElement[] = [];

/**
 * Gathers one element and everything inside it from parse events. `open` starts the element or nests in it,
 * `text` adds to the innermost open element, and `close` returns the whole element once its own end tag
 * comes.
 */
export class ElementCapture {
  private readonly open: OpenElement[] = [];

  /** Whether an element is being gathered: until it closes, every event belongs to it. */
  get active(): boolean {
    return this.open.length > 0;
  }

  start(name: string, attrs: XmlAttributes): void {
    const element: OpenElement = { name, attrs, children: NO_CHILDREN, text: '' };
    const parent = this.open[this.open.length - 1];
    if (parent) {
      if (parent.children === NO_CHILDREN) parent.children = [];
      parent.children.push(element);
    }
    this.open.push(element);
  }

  text(text: string): void {
    const element = this.open[this.open.length - 1];
    if (element) element.text += text;
  }

  /** Ends the innermost open element; the gathered element when that was the outermost one. */
  end(): XmlElement | undefined {
    const element = this.open.pop();
    return this.open.length === 0 ? element : undefined;
  }
}

/** The child elements called `name`, in file order. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** The first child element called `name`. */
export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}
