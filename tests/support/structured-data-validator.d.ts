/*
 * Types of the two untyped packages tests/support/structured-data.ts uses, as far as it uses
 * them (from their READMEs and sources).
 */

/** One step of a validator issue's path. */
interface ValidatorPathElement {
	type?: string | string[];
	property?: string;
	index?: number;
	length?: number;
}

declare module '@adobe/structured-data-validator' {
	/** Validates what @marbec/web-auto-extractor extracted. */
	export default class Validator {
		/** `schemaOrgJson`: the schema.org vocabulary as JSON-LD; without it no vocabulary check. */
		constructor(schemaOrgJson?: object);
		debug: boolean;
		validate(extracted: object): Promise<
			{
				severity: 'ERROR' | 'WARNING';
				rootType: string;
				dataFormat: string;
				issueMessage: string;
				path?: ValidatorPathElement[];
				fieldNames?: string[];
			}[]
		>;
	}
}

declare module '@marbec/web-auto-extractor' {
	/** Extracts JSON-LD, microdata and RDFa items from HTML, by top-level type. */
	export default class WebAutoExtractor {
		constructor(options?: { addLocation?: boolean; embedSource?: string[] });
		parse(html: string): {
			jsonld?: Record<string, object[]>;
			microdata?: Record<string, object[]>;
			rdfa?: Record<string, object[]>;
			errors?: object[];
		};
	}
}
