import type { ContainerNetwork } from '../../../../../shared/dto';
import { CopyButton } from '../../../components/CopyButton';

const dash = (v: string) => v || '—';

/** Where the container sits on each network: `docker inspect`'s NetworkSettings.Networks as a table. */
export function NetworksTable({ networks }: { networks: ContainerNetwork[] }) {
  return (
    <table className="table" data-testid="inspect-networks">
      <thead>
        <tr>
          <th>Network</th>
          <th>IP address</th>
          <th>Gateway</th>
          <th>MAC address</th>
        </tr>
      </thead>
      <tbody>
        {networks.map((n) => (
          <tr key={n.name}>
            <td>
              {n.name}
              {n.aliases.length > 0 && <div className="muted small">aliases: {n.aliases.join(', ')}</div>}
            </td>
            <td className="mono">
              {n.ipAddress ? `${n.ipAddress}${n.prefixLength ? `/${n.prefixLength}` : ''}` : '—'}
              {n.ipAddress && <CopyButton text={n.ipAddress} what={`IP address on ${n.name}`} />}
              {n.ipv6Address && <div className="small">{n.ipv6Address}</div>}
            </td>
            <td className="mono nowrap">{dash(n.gateway)}</td>
            <td className="mono nowrap">{dash(n.macAddress)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
