-- The public page a printed học bạ's QR code opens finds the signed versions by the hash of their
-- values alone, whatever the school: without this index every look-up would read every version.
CREATE INDEX hocba_version_content ON hocba_version (content_sha256);
