import { z } from 'zod';
import { boundedText, engineRef } from './common';

export const networkName = z
  .string()
  .min(1, 'must not be empty')
  .max(128)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'may use letters, digits, _ . - and must start with a letter or digit');

const cidr = z
  .string()
  .max(64)
  .regex(/^(?:\d{1,3}\.){3}\d{1,3}\/\d{1,2}$|^[0-9a-fA-F:]+\/\d{1,3}$/, 'must be a subnet like 172.30.0.0/16');

export const networkInvokeSchemas = {
  'networks:list': z.object({}).strict(),
  'networks:create': z
    .object({
      name: networkName,
      subnet: cidr.optional(),
      internal: z.boolean().default(false),
      labels: z.record(boundedText(256), boundedText(4096)).optional(),
    })
    .strict(),
  'networks:remove': z.object({ id: engineRef }).strict(),
  'networks:connect': z.object({ id: engineRef, container: engineRef }).strict(),
  'networks:disconnect': z.object({ id: engineRef, container: engineRef, force: z.boolean().default(false) }).strict(),
};

export interface NetworkSummary {
  id: string;
  name: string;
  driver: string;
  scope: string;
  internal: boolean;
  subnets: string[];
  gateways: string[];
  createdMs: number;
  labels: Record<string, string>;
  /** bridge/host/none: the engine's own networks, which cannot be removed. */
  builtIn: boolean;
  containers: { id: string; name: string; state: string; ipv4: string }[];
}

export interface NetworkInvokeResults {
  'networks:list': NetworkSummary[];
  'networks:create': NetworkSummary;
  'networks:remove': { id: string };
  'networks:connect': { id: string; container: string };
  'networks:disconnect': { id: string; container: string };
}
