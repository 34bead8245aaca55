/*
 * The editor's own widgets and editor components, registered on Decap CMS before it starts
 * (src/client/cms-admin.ts). Decap's list widget with commas corrupts keywords (decap-cms#4646),
 * its datetime widget works in the browser's time zone, and its body image block is labelled in
 * English; these replace them. What a value becomes is decided in src/lib/cms/cms-widgets.ts.
 */
import {
	dateFromMoscowInput,
	keywordItems,
	moscowInputValue,
	moscowNowInput,
} from '../lib/cms/cms-widgets.ts';
import { CMS_WIDGETS } from '../lib/cms/cms-config.ts';

/** The parts of Immutable.js collections Decap hands to widgets. */
export interface ImmutableMap {
	get(key: string): unknown;
	getIn(path: readonly string[]): unknown;
	set(key: string, value: unknown): ImmutableMap;
	setIn(path: readonly string[], value: unknown): ImmutableMap;
	deleteIn(path: readonly string[]): ImmutableMap;
	toJS(): Record<string, unknown>;
	toList(): ImmutableList;
}
interface ImmutableList {
	clear(): ImmutableList;
	push(...items: unknown[]): ImmutableList;
}

export type Element = unknown;
export type H = (
	type: unknown,
	props?: Record<string, unknown> | null,
	...children: unknown[]
) => Element;

/** What Decap passes to a widget's control (the subset used here). */
interface ControlProps {
	[prop: string]: unknown;
	value: unknown;
	field: ImmutableMap;
	entry: ImmutableMap;
	forID: string;
	classNameWrapper: string;
	onChange(value: unknown): void;
	setActiveStyle(): void;
	setInactiveStyle(): void;
}

/** A class component made with create-react-class (the bundle's window.createClass). */
interface ClassSpec {
	render(this: { props: ControlProps }): Element;
	[method: string]: unknown;
}
type CreateClass = (spec: ClassSpec & ThisType<{ props: ControlProps; state: unknown }>) => unknown;

/** A widget as Decap registers it. */
interface RegisteredWidget {
	control: unknown;
	preview?: unknown;
}

/** The registry calls this module uses. */
export interface WidgetRegistry {
	getWidget(name: string): RegisteredWidget | undefined;
	registerWidget(name: string, control: unknown, preview?: unknown): void;
	getEditorComponents(): { get(id: string): Record<string, unknown> | undefined };
	registerEditorComponent(component: Record<string, unknown>): void;
}

const isImmutableList = (value: unknown): boolean =>
	typeof value === 'object' && value !== null && '@@__IMMUTABLE_LIST__@@' in value;

/**
 * An Immutable List of `items`. Decap's bundle does not export Immutable, so the list is made from
 * a collection it handed over (the field's settings map).
 */
const immutableList = (from: ImmutableMap, items: readonly string[]): ImmutableList =>
	from
		.toList()
		.clear()
		.push(...items);

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Registers the site's widgets (names in CMS_WIDGETS) and Russian editor components. */
export function registerWidgets(cms: WidgetRegistry, h: H, createClass: CreateClass): void {
	const list = cms.getWidget('list');
	const string = cms.getWidget('string');
	if (!list || !string) throw new Error('Decap CMS: the list and string widgets are missing');

	/*
	 * Keywords, one input per keyword: Decap's list widget with a `field`, shown a comma string
	 * split into items. Nothing is written until the editor changes the list; then it is saved as
	 * a YAML list, which the schema reads keyword by keyword, commas and spaces included.
	 */
	const keywords = (props: ControlProps): Element =>
		h(list.control, {
			...props,
			value: isImmutableList(props.value)
				? props.value
				: immutableList(props.field, keywordItems(props.value)),
		});
	cms.registerWidget(CMS_WIDGETS.keywords, keywords, list.preview);

	/*
	 * A calendar with time, always in Moscow time whatever the browser's zone, written as
	 * `2025-09-01T10:00:00+03:00`. A stored date in another form (…Z, a date alone) is shown in
	 * Moscow time and left as it is until the editor picks another.
	 */
	const dateTime = createClass({
		/*
		 * What Decap's required and pattern checks see: a YAML timestamp (…Z unquoted, as Decap
		 * itself writes a date it has read) reaches the widget as a Date, which those checks would
		 * take for an empty or malformed value.
		 */
		getValidateValue(): unknown {
			const { value } = this.props;
			return value instanceof Date ? value.toISOString() : value;
		},
		render() {
			const { props } = this;
			return h(
				'div',
				{
					className: props.classNameWrapper,
					style: { display: 'flex', gap: '16px', alignItems: 'center' },
				},
				h('input', {
					id: props.forID,
					type: 'datetime-local',
					value: moscowInputValue(props.value),
					style: { border: 0, padding: 0, font: 'inherit', background: 'transparent' },
					onChange: (event: { target: { value: string } }) =>
						props.onChange(dateFromMoscowInput(event.target.value)),
					onFocus: props.setActiveStyle,
					onBlur: props.setInactiveStyle,
				}),
				h('span', null, 'по московскому времени'),
				h(
					'button',
					{
						type: 'button',
						onClick: () => props.onChange(dateFromMoscowInput(moscowNowInput(new Date()))),
					},
					'Сейчас',
				),
			);
		},
	});
	cms.registerWidget(CMS_WIDGETS.dateTime, dateTime, (props: { value: unknown }) =>
		h('time', null, text(props.value)),
	);

	// The body's image block and code block, labelled in Russian, the alt text asked for by name.
	const image = cms.getEditorComponents().get('image');
	if (image) {
		cms.registerEditorComponent({
			...image,
			label: 'Картинка',
			fields: [
				{
					label: 'Картинка',
					name: 'image',
					widget: 'image',
					media_library: { allow_multiple: false },
				},
				{
					label: 'Описание картинки (alt)',
					name: 'alt',
					widget: 'string',
					hint: 'Что изображено на картинке: его прочтут незрячие читатели и поисковики.',
				},
				{
					label: 'Всплывающая подсказка (title)',
					name: 'title',
					widget: 'string',
					hint: 'Необязательно.',
				},
			],
		});
	}
	cms.registerEditorComponent({
		id: 'code-block',
		label: 'Блок кода',
		widget: 'code',
		type: 'code-block',
	});
}
