import Validator from '@adobe/structured-data-validator';
import WebAutoExtractor from '@marbec/web-auto-extractor';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ROOT } from './build.ts';

/*
 * Adobe's structured-data validator checks a page's JSON-LD, microdata and RDFa against Google's
 * rich-result rules (one handler per type: required and recommended properties, value types,
 * rating ranges, breadcrumb URLs) and every type and property against the schema.org vocabulary.
 * It is the validator's own code, not ours; Adobe's extractor reads the page as it does in the
 * validator's README. Everything runs offline: the vocabulary is the copy in tests/fixtures.
 */

/** The schema.org vocabulary (tests/fixtures/schemaorg/README.md says where it comes from). */
export const SCHEMA_ORG_VOCABULARY = join(
	ROOT,
	'tests/fixtures/schemaorg/schemaorg-current-https.jsonld.gz',
);

/** One finding of the validator, reduced to what a test report needs. */
export interface StructuredDataIssue {
	severity: 'ERROR' | 'WARNING';
	/** The top-level type the issue is in (BlogPosting, HowTo…). */
	rootType: string;
	/** Where in that item: `HowTo > step[0] (HowToStep)`. */
	path: string;
	message: string;
}

let validator: Promise<Validator> | undefined;

/** One validator for the whole test file: parsing the vocabulary is the slow part. */
function getValidator(): Promise<Validator> {
	validator ??= readFile(SCHEMA_ORG_VOCABULARY).then(
		(gz) => new Validator(JSON.parse(gunzipSync(gz).toString('utf8')) as object),
	);
	return validator;
}

const describePath = (path: readonly ValidatorPathElement[] | undefined): string =>
	(path ?? [])
		.map((part) => {
			const name = part.property ?? String(part.type ?? '');
			const index =
				part.property !== undefined && part.index !== undefined ? `[${part.index}]` : '';
			const type = part.property !== undefined && part.type ? ` (${String(part.type)})` : '';
			return `${name}${index}${type}`;
		})
		.join(' > ');

/** Extracts a page's structured data and validates it; returns every error and warning. */
export async function validateStructuredData(html: string): Promise<StructuredDataIssue[]> {
	const extracted = new WebAutoExtractor({
		addLocation: true,
		embedSource: ['rdfa', 'microdata'],
	}).parse(html);
	const results = await (await getValidator()).validate(extracted);
	return results.map((result) => ({
		severity: result.severity,
		rootType: result.rootType,
		path: describePath(result.path),
		message: result.issueMessage,
	}));
}

/** The structured-data types a page declares at its top level (the @graph's nodes). */
export function structuredDataTypes(html: string): string[] {
	const extracted = new WebAutoExtractor({ embedSource: ['rdfa', 'microdata'] }).parse(html);
	return Object.keys(extracted.jsonld ?? {});
}
