// Offers French in the admin (Profile → Interface language) next to English,
// so the plugin's translations can be tried and tested.
export default {
  config: {
    locales: ['fr'],
  },
  bootstrap() {},
};
