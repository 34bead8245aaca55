/*
 * The endings Snowball's Russian stemmer (the one `stemOf` uses) may remove, grouped in the
 * order they follow each other at the end of a word, left to right:
 * [superlative, doubled н, ь] [ость] [и] [participle] [gerund, adjective, verb or noun] [ся].
 * The lists are the stemmer's own (Snowball's Russian algorithm); a unit test checks, with the
 * stemmer itself, that no word's stem escapes them.
 *
 * What they answer: a half-typed word that no article has, could typing on make it match? Only
 * if the longer word's stem is shorter than what is typed already, which needs the typed word
 * to end inside one of these endings («новог» on the way to «нового», stem «нов»).
 */

const GERUND = ['в', 'ив', 'ыв', 'вши', 'ивши', 'ывши', 'вшись', 'ившись', 'ывшись'];
const ADJECTIVE = [
	...['ее', 'ие', 'ое', 'ые', 'ими', 'ыми', 'ей', 'ий', 'ой', 'ый', 'ем', 'им', 'ом', 'ым'],
	...['его', 'ого', 'ему', 'ому', 'их', 'ых', 'ею', 'ою', 'ую', 'юю', 'ая', 'яя'],
];
const PARTICIPLE = ['ем', 'нн', 'вш', 'ивш', 'ывш', 'щ', 'ющ', 'ующ'];
const REFLEXIVE = ['сь', 'ся'];
const VERB = [
	...['ла', 'ила', 'ыла', 'на', 'ена', 'ете', 'ите', 'йте', 'ейте', 'уйте', 'ли', 'или', 'ыли'],
	...['й', 'ей', 'уй', 'л', 'ил', 'ыл', 'ем', 'им', 'ым', 'н', 'ен', 'ло', 'ило', 'ыло', 'но'],
	...['ено', 'нно', 'ет', 'ует', 'ит', 'ыт', 'ют', 'уют', 'ят', 'ны', 'ены', 'ть', 'ить', 'ыть'],
	...['ешь', 'ишь', 'ю', 'ую'],
];
const NOUN = [
	...['а', 'ев', 'ов', 'е', 'ие', 'ье', 'и', 'еи', 'ии', 'ами', 'ями', 'иями', 'й', 'ей', 'ией'],
	...['ий', 'ой', 'ам', 'ем', 'ием', 'ом', 'ям', 'иям', 'о', 'у', 'ах', 'ях', 'иях', 'ы', 'ь'],
	...['ю', 'ию', 'ью', 'я', 'ия', 'ья'],
];

/** The removable endings, group by group, in the order they stand at the end of a word. */
const TAIL_GROUPS: readonly (readonly string[])[] = [
	['ейш', 'ейше', 'н', 'ь'],
	['ост', 'ость'],
	['и'],
	PARTICIPLE,
	[...GERUND, ...ADJECTIVE, ...VERB, ...NOUN],
	REFLEXIVE,
];

/** Whether `rest` (not empty) is the start of endings the stemmer may remove, group by group. */
export function startsEndings(rest: string, groups = TAIL_GROUPS): boolean {
	if (rest === '') return true;
	const [group, ...later] = groups;
	if (!group) return false;
	if (startsEndings(rest, later)) return true;
	return group.some(
		(ending) =>
			ending.startsWith(rest) ||
			(rest.startsWith(ending) && startsEndings(rest.slice(ending.length), later)),
	);
}

/**
 * The stems that a word starting with `typed` (and longer) may have while being shorter than
 * `typed`: its proper prefixes followed by the start of an ending. «новог» → «нов», «ново»,
 * «нового» being on the way; «велосипед» → none.
 */
export function shorterStemsAhead(typed: string): string[] {
	const stems: string[] = [];
	for (let cut = 1; cut < typed.length; cut++) {
		if (startsEndings(typed.slice(cut))) stems.push(typed.slice(0, cut));
	}
	return stems;
}
