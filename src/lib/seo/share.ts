/** A share link to a messenger or social network. */
export interface ShareLink {
	name: string;
	href: string;
}

/** Share links for Telegram, WhatsApp and VK (plain links: no scripts, no trackers). */
export function shareLinks(url: string, title: string): ShareLink[] {
	const u = encodeURIComponent(url);
	const t = encodeURIComponent(title);
	return [
		{ name: 'Telegram', href: `https://t.me/share/url?url=${u}&text=${t}` },
		{ name: 'WhatsApp', href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
		{ name: 'ВКонтакте', href: `https://vk.com/share.php?url=${u}&title=${t}` },
	];
}
