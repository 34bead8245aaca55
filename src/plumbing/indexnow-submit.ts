import { buildPayload, toBatches } from '../lib/netlify/indexnow.ts';

/** One request that did not go through. */
export interface FailedBatch {
	urls: string[];
	/** `HTTP 500 …` or the network error's message. */
	reason: string;
}

/** What a submission did. */
export interface SubmissionResult {
	/** URLs the endpoint accepted (a 2xx answer). */
	accepted: number;
	/** Requests made. */
	requests: number;
	failed: FailedBatch[];
}

/** Options of submitUrls(). */
export interface SubmitOptions {
	endpoint: string;
	/** Site origin, `https://host`. */
	origin: string;
	key: string;
	urls: readonly string[];
	/** URLs per request (the protocol's maximum by default). */
	batchSize?: number;
	/** Time one request may take. */
	timeoutMs?: number;
}

/**
 * POSTs the URLs to an IndexNow endpoint, one request per batch, one after the other. Never
 * throws: a network error or a non-2xx answer is reported in `failed` with its URLs.
 */
export async function submitUrls(options: SubmitOptions): Promise<SubmissionResult> {
	const { endpoint, origin, key, urls, batchSize, timeoutMs = 30_000 } = options;
	const result: SubmissionResult = { accepted: 0, requests: 0, failed: [] };
	for (const batch of toBatches(urls, batchSize)) {
		result.requests++;
		try {
			const response = await fetch(endpoint, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json; charset=utf-8' },
				body: JSON.stringify(buildPayload(origin, key, batch)),
				signal: AbortSignal.timeout(timeoutMs),
			});
			const body = (await response.text()).trim().slice(0, 200);
			if (response.ok) result.accepted += batch.length;
			else
				result.failed.push({
					urls: batch,
					reason: `HTTP ${response.status}${body ? `: ${body}` : ''}`,
				});
		} catch (error) {
			const cause = (error as { cause?: { message?: string } }).cause?.message;
			result.failed.push({
				urls: batch,
				reason: `${(error as Error).message}${cause ? ` (${cause})` : ''}`,
			});
		}
	}
	return result;
}
