declare module 'decap-server/dist/middlewares.js' {
	import type { Express } from 'express';

	/** decap-server's middlewares (the package ships no types). */
	const middlewares: {
		registerLocalFs(app: Express, options?: { logLevel?: string }): Promise<void>;
		registerLocalGit(app: Express, options?: { logLevel?: string }): Promise<void>;
	};
	export default middlewares;
}
