import { Handle, Node, NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { MapActor } from './map-model';

export type ActorNodeType = Node<{ actor: MapActor }, 'actor'>;

export const AREAS_SHOWN = 8;

/** An actor with the decision areas it decides; what a stage changes is labelled in words, not only coloured. */
export const ActorNode = memo(function ActorNode({ data }: NodeProps<ActorNodeType>) {
  const { t } = useTranslation();
  const { actor } = data;
  const shown = actor.areas.slice(0, AREAS_SHOWN);
  return (
    <div className={`actor-node${actor.retired ? ' retired' : ''}`}>
      <Handle type="target" position={Position.Top} />
      <div className="actor-name">{actor.name}</div>
      <div className="actor-kind">
        {t(`actorKind.${actor.kind}`)}
        {actor.retired ? ` · ${t('map.retired')}` : ''}
      </div>
      {shown.length > 0 && (
        <ul className="actor-areas">
          {shown.map((a) => (
            <li key={a.areaId} className={`mark-${a.mark}`}>
              <span className="code">{a.code}</span> {a.title}
              {a.mark !== 'kept' && <span className="mark-label"> – {t(`map.mark.${a.mark}`)}</span>}
            </li>
          ))}
          {actor.areas.length > shown.length && <li className="more">{t('map.more', { count: actor.areas.length - shown.length })}</li>}
        </ul>
      )}
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
});
