import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
	buildCmsConfig,
	buildPostFields,
	CMS_WIDGETS,
	isOptionalField,
	objectShape,
	repoFromUrl,
	serializeCmsConfig,
	type CmsField,
} from '../../../src/lib/cms/cms-config.ts';
import { parseEditorDate } from '../../../src/lib/content/dates.ts';
import {
	howToSchema,
	localImagePath,
	postSchema,
	createPostSchema,
} from '../../../src/lib/content/post-schema.ts';

/*
 * The CMS configuration is generated from the post schema; these tests fail when the two drift:
 * a field added to or removed from the schema, a field whose required flag changes, a pattern
 * that accepts what the schema rejects.
 */

const fields = buildPostFields();
const byName = (list: readonly CmsField[], name: string): CmsField => {
	const field = list.find((item) => item.name === name);
	if (!field) throw new Error(`no field ${name}`);
	return field;
};
const shape = objectShape(postSchema);

describe('fields from the schema', () => {
	test('every schema field, in the schema order, then the body', () => {
		expect(fields.map((field) => field.name)).toEqual([...Object.keys(shape), 'body']);
	});

	test.each(Object.keys(shape))('%s: required exactly when the schema requires it', (name) => {
		expect(byName(fields, name).required).toBe(!isOptionalField(shape[name] as z.ZodType));
	});

	test('title, description and pubDate are the required ones', () => {
		expect(fields.filter((field) => field.required).map((field) => field.name)).toEqual([
			'title',
			'description',
			'pubDate',
			'body',
		]);
	});

	test('a field added to the schema shows up as drift', () => {
		const extended = createPostSchema(localImagePath);
		const inner = objectShape(extended);
		const withExtra = z.strictObject({ ...inner, rubric: z.string() });
		expect(buildPostFields(withExtra).map((field) => field.name)).not.toEqual([
			...Object.keys(objectShape(withExtra)),
			'body',
		]);
	});

	test('every field has a Russian label and a widget', () => {
		for (const field of fields) {
			expect(field.label, field.name).toMatch(/[А-Яа-яЁё]/);
			expect(field.widget, field.name).toBeTruthy();
		}
	});

	test('keywords one input each, related a choice of posts, draft on for new posts', () => {
		expect(byName(fields, 'keywords')).toMatchObject({
			widget: CMS_WIDGETS.keywords,
			field: { widget: 'string' },
			default: [],
		});
		expect(byName(fields, 'related')).toMatchObject({
			widget: 'relation',
			collection: 'blog',
			value_field: '{{slug}}',
			multiple: true,
		});
		expect(byName(fields, 'draft')).toMatchObject({ widget: 'boolean', default: true });
		expect(byName(fields, 'author').default).toBe('Эксперт ButlerSPB');
	});

	test('dates on the Moscow-time calendar; the hero from uploads or a URL', () => {
		for (const name of ['pubDate', 'updatedDate']) {
			expect(byName(fields, name).widget, name).toBe(CMS_WIDGETS.dateTime);
		}
		expect(byName(fields, 'heroImage')).toMatchObject({ widget: 'image', choose_url: true });
	});
});

describe('patterns', () => {
	const datePattern = new RegExp(byName(fields, 'pubDate').pattern![0]);
	test.each([
		'2025-07-25',
		'2025-07-25T12:00',
		'2025-07-25T12:00:00+03:00',
		'2025-07-22T11:31:14.723Z',
		'25.07.2025',
		'2025-7-25',
		'вчера',
		'2025-07-25T25',
	])('pubDate %s: the pattern agrees with the schema', (value) => {
		expect(datePattern.test(value)).toBe(parseEditorDate(value) !== undefined);
		expect(byName(fields, 'updatedDate').pattern).toEqual(byName(fields, 'pubDate').pattern);
	});

	const rating = byName(
		byName(byName(fields, 'schema').fields!, 'aggregateRating').fields!,
		'ratingValue',
	);
	const ratingSchema = objectShape(objectShape(howToSchema)['aggregateRating'] as z.ZodType)[
		'ratingValue'
	] as z.ZodType;
	test.each(['4.8', '4,8', '5', ' 4.5 ', 'пять', '4.8.1', ''])(
		'ratingValue %j: the pattern agrees with the schema',
		(value) => {
			expect(new RegExp(rating.pattern![0]).test(value)).toBe(
				ratingSchema.safeParse(value).success,
			);
		},
	);
});

describe('the HowTo block', () => {
	const schema = byName(fields, 'schema');
	test('an optional object with the rating as an object', () => {
		expect(schema).toMatchObject({ widget: 'object', required: false });
		const rating = byName(schema.fields!, 'aggregateRating');
		expect(rating.widget).toBe('object');
		const ratingShape = objectShape(objectShape(howToSchema)['aggregateRating'] as z.ZodType);
		expect(rating.fields!.map((field) => field.name)).toEqual(
			Object.keys(ratingShape).filter((name) => name !== '@type'),
		);
		expect(byName(rating.fields!, 'reviewCount')).toMatchObject({ widget: 'number', min: 0 });
	});

	test('nothing inside it is required or defaulted, so new posts get no empty block', () => {
		const walk = (list: readonly CmsField[]): CmsField[] =>
			list.flatMap((field) => [field, ...walk(field.fields ?? [])]);
		for (const field of walk(schema.fields!)) {
			expect(field.required, field.name).toBe(false);
			expect(field.default, field.name).toBeUndefined();
		}
	});
});

describe('the whole configuration', () => {
	const config = buildCmsConfig({ repo: 'owner/blog' });
	test('GitHub through Netlify OAuth, Russian, one posts folder', () => {
		expect(config.backend).toMatchObject({
			name: 'github',
			repo: 'owner/blog',
			branch: 'main',
			base_url: 'https://api.netlify.com',
		});
		expect(config.backend).not.toHaveProperty('identity_url');
		expect(config.locale).toBe('ru');
		expect(config.collections).toHaveLength(1);
		expect(config.collections[0]).toMatchObject({
			name: 'blog',
			folder: 'src/content/blog',
			extension: 'md',
			format: 'frontmatter',
			create: true,
		});
	});

	test('config.yml is JSON, which YAML reads as it is', () => {
		expect(JSON.parse(serializeCmsConfig(config))).toEqual(config);
	});

	test.each([
		['https://github.com/butlerspb/blog', 'butlerspb/blog'],
		['https://github.com/butlerspb/blog.git', 'butlerspb/blog'],
		['git@github.com:butlerspb/blog.git', 'butlerspb/blog'],
		['https://gitlab.com/a/b', undefined],
		[undefined, undefined],
	])('repoFromUrl(%s) → %s', (url, repo) => expect(repoFromUrl(url)).toBe(repo));
});
