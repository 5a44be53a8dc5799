import { GIB, MIB } from '../../shared/compare-units';
import type { VmProfile } from '../../shared/api/compare';

/**
 * The profiles Porthole ships, every figure from /work/shared/VM-PROFILES.md with its source and
 * certainty. Where no figure is published the value is null and the note says so; nothing is invented.
 */
const NO_BOOT_FIGURE = 'not published — tens of seconds to minutes, provider dependent';

export const BUILTIN_PROFILES: VmProfile[] = [
  {
    id: 'azure-b1s',
    name: 'Azure Standard_B1s (small cloud VM)',
    guestMemoryBytes: 1 * GIB,
    overheadBytes: 0,
    vcpus: 1,
    osDiskBytes: 30 * 1000 ** 3,
    bootMs: null,
    bootNote: NO_BOOT_FIGURE,
    builtIn: true,
    sources: [
      { figure: 'memory', certainty: 'verified', text: 'Microsoft Learn, "B-series burstable VM sizes": Standard_B1s has 1 GiB RAM (now "previous generation").' },
      { figure: 'vcpus', certainty: 'verified', text: 'Microsoft Learn, "B-series burstable VM sizes": 1 vCPU, baseline 10 % of a vCPU, bursting to 100 % on credits.' },
      { figure: 'disk', certainty: 'secondary', text: 'Default OS disk of an Ubuntu marketplace image: 30 GB (juju PR #5829, Terraform and Ray threads).' },
      {
        figure: 'boot',
        certainty: 'verified',
        text: 'Microsoft publishes no boot time. Studies: Mao & Humphrey, IEEE CLOUD 2012 ("A Performance Study on the VM Startup Time in the Cloud"); Hao et al., arXiv:2107.03467 (2021).',
      },
    ],
  },
  {
    id: 'ubuntu-2404-minimal',
    name: 'Minimal Ubuntu Server 24.04 VM',
    guestMemoryBytes: 1000 ** 3,
    overheadBytes: 0,
    vcpus: 1,
    osDiskBytes: 4 * 1000 ** 3,
    bootMs: null,
    bootNote: 'not published — depends on the hypervisor and host; measure it',
    builtIn: true,
    sources: [
      { figure: 'memory', certainty: 'verified', text: 'Ubuntu Server docs, "System requirements" (24.04 amd64): minimum 1 GB RAM from a cloud image (1.5 GB ISO install, 3 GB suggested).' },
      { figure: 'disk', certainty: 'verified', text: 'Ubuntu Server docs, "System requirements": minimum 4 GB disk from a cloud image (5 GB ISO, 25 GB suggested).' },
      { figure: 'vcpus', certainty: 'assumption', text: 'Assumption: 1 vCPU, the least a VM can have. The cited requirements give no CPU count.' },
      { figure: 'boot', certainty: 'verified', text: 'No boot time is published for this image.' },
    ],
  },
  {
    id: 'multipass-default',
    name: 'Multipass local VM (defaults)',
    guestMemoryBytes: 1 * GIB,
    overheadBytes: 0,
    vcpus: 1,
    osDiskBytes: 5 * GIB,
    bootMs: null,
    bootNote: 'not published — depends on the hypervisor and host; measure it',
    builtIn: true,
    sources: [
      { figure: 'memory', certainty: 'verified', text: 'canonical/multipass include/multipass/constants.h (v1.16.3): default 1 GiB RAM (minimum 512 MiB).' },
      { figure: 'vcpus', certainty: 'verified', text: 'canonical/multipass include/multipass/constants.h (v1.16.3): default 1 CPU.' },
      { figure: 'disk', certainty: 'verified', text: 'canonical/multipass include/multipass/constants.h (v1.16.3): default 5 GiB disk (minimum 1 GiB).' },
      { figure: 'boot', certainty: 'verified', text: 'Multipass publishes no boot time.' },
    ],
  },
  {
    id: 'firecracker-microvm',
    name: 'Firecracker microVM (spec figures)',
    guestMemoryBytes: 128 * MIB,
    overheadBytes: 5 * MIB,
    vcpus: 1,
    osDiskBytes: null,
    diskNote: 'not published — a microVM boots whatever root filesystem image you give it',
    bootMs: 125,
    bootNote: 'upper bound to guest init, from the specification',
    builtIn: true,
    sources: [
      { figure: 'memory', certainty: 'verified', text: 'Firecracker SPECIFICATION.md: measured with a 1 vCPU / 128 MiB guest on i3.metal.' },
      { figure: 'overhead', certainty: 'verified', text: 'Firecracker SPECIFICATION.md: VMM memory overhead ≤ 5 MiB per microVM.' },
      { figure: 'vcpus', certainty: 'verified', text: 'Firecracker SPECIFICATION.md: 1 vCPU guest.' },
      { figure: 'boot', certainty: 'verified', text: 'Firecracker SPECIFICATION.md: a microVM reaches guest init in ≤ 125 ms.' },
      { figure: 'disk', certainty: 'verified', text: 'The specification gives no root filesystem size.' },
    ],
  },
];

export const DEFAULT_PROFILE_ID = 'azure-b1s';
