import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { Tabs } from '../../components/Tabs';
import { formatBytes, formatRelative } from '../../lib/format';
import type { ImageSummary } from '../../../../shared/dto';
import { PushForm } from '../registries/PushPanel';
import { ImageHistory } from '../registries/ImageHistory';
import { TagForm } from '../registries/TagForm';
import { imageLabel, imageRef, imageShortId } from './image-label';
import { useStore } from '../../store';
import { usePrefill } from '../orchestrators/prefill-store';
import { dnsLabel } from '../../../../shared/orchestrator-prefill';

export type ImageDetailTab = 'history' | 'tag' | 'push';

const TABS: { id: ImageDetailTab; label: string }[] = [
  { id: 'history', label: 'History' },
  { id: 'tag', label: 'Tag' },
  { id: 'push', label: 'Push' },
];

/** One image: its layer history (`docker history`), adding a tag, and pushing it to a registry. */
export function ImageDetailDialog({ image, tab: initialTab, onClose }: { image: ImageSummary; tab: ImageDetailTab; onClose: () => void }) {
  const [tab, setTab] = useState<ImageDetailTab>(initialTab);
  const label = imageLabel(image);
  const ref = imageRef(image);
  const navigate = useStore((st) => st.navigate);
  const setSeed = usePrefill((st) => st.setSeed);
  const toOrchestrators = () => {
    // The image's own name (before the tag) names the service; the port is the user's to confirm in the form.
    setSeed({ name: dnsLabel(ref.split('/').pop()?.split(':')[0] ?? 'app'), image: ref, port: 8080, env: [] });
    onClose();
    navigate('orchestrators');
  };
  return (
    <Dialog title={`Image ${label}`} wide onClose={onClose}>
      <div className="stack-tight image-detail">
        <p className="muted small image-detail-facts">
          <span className="mono">{imageShortId(image)}</span> · {formatBytes(image.sizeBytes)} · created {formatRelative(image.createdMs)}
          {image.tags.length > 1 && (
            <>
              {' '}
              · also <span className="mono">{image.tags.slice(1).join(', ')}</span>
            </>
          )}
        </p>
        <div>
          <button type="button" className="btn btn-small" onClick={toOrchestrators}>
            Deploy to Swarm or Kubernetes…
          </button>
        </div>
        <Tabs label="Image details" tabs={TABS} value={tab} onChange={setTab} panelClassName="image-detail-panel">
          {tab === 'history' && (
            <>
              <p className="muted small">Each layer and the Dockerfile instruction that made it, newest first.</p>
              <ImageHistory image={image.id} />
            </>
          )}
          {tab === 'tag' && (
            <>
              <p className="muted small">Give this image another name, e.g. a version, or a registry address to push it to.</p>
              <TagForm source={image.id} />
            </>
          )}
          {tab === 'push' && (
            <>
              <p className="muted small">
                Push to a registry under a name that starts with its address (127.0.0.1:5000/team/app:1), or a Docker Hub name (user/app:1). Porthole tags the image with that name first. Private registries need a sign-in under Registries.
              </p>
              <PushForm source={ref} />
            </>
          )}
        </Tabs>
      </div>
    </Dialog>
  );
}
