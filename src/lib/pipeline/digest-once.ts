/*
 * The posts loader needs a file's digest before glob() asks for it: it compares the digest with
 * the stored one to skip parsing an unchanged post, and glob() then digests the same text again
 * to decide whether to keep the entry (~60 ms of a 1,000-post build: 15 MB hashed twice).
 */

/** A digest function such as the loader context's `generateDigest`. */
export type DigestFunction = (data: Record<string, unknown> | string) => string;

/**
 * Wraps `generateDigest` so that each text is hashed once for two calls: the first call
 * computes and keeps the digest, the second with the same text returns it and forgets it.
 * Objects are never remembered, and a third call hashes again.
 */
export function digestOnce(generateDigest: DigestFunction): DigestFunction {
	const pending = new Map<string, string>();
	return (data) => {
		if (typeof data !== 'string') return generateDigest(data);
		const known = pending.get(data);
		if (known !== undefined) {
			pending.delete(data);
			return known;
		}
		const digest = generateDigest(data);
		pending.set(data, digest);
		return digest;
	};
}
