import contentManagerGuard from './content-manager-guard';
import hasAnyPermission from './has-any-permission';

export default { 'has-any-permission': hasAnyPermission, 'content-manager-guard': contentManagerGuard };
