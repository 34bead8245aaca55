import type { HowToFrontmatter } from './post-schema.ts';
import { ratingNumber } from './post-schema.ts';
import { countWithWord } from '../text/plural.ts';
import { SITE } from '../../site.ts';

type Rating = NonNullable<HowToFrontmatter['aggregateRating']>;

const decimal = new Intl.NumberFormat(SITE.locale, { maximumFractionDigits: 2 });

/** The visible rating line the JSON-LD declares: «Оценка 4,8 из 5 · 666 отзывов». */
export function formatRating(rating: Rating): string {
	const value = decimal.format(ratingNumber(rating.ratingValue));
	const best = decimal.format(ratingNumber(rating.bestRating));
	const reviews = countWithWord(rating.reviewCount, ['отзыв', 'отзыва', 'отзывов']);
	return `Оценка ${value} из ${best} · ${reviews}`;
}
