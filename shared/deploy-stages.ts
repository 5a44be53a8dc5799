/** The deploy pipeline's stages, in order (zod-free, so the renderer can import it without the schemas). */
export const DEPLOY_STAGES = ['plan', 'dockerfile', 'pull', 'build', 'run', 'wait', 'open'] as const;
export type DeployStage = (typeof DEPLOY_STAGES)[number];
